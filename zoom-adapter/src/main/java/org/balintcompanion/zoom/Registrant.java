package org.balintcompanion.zoom;

/**
 * A group member to register for a meeting. Zoom then reports the registrant id in participant webhooks, the
 * cleanest way to recognise the member.
 *
 * @param lastName may be null
 */
public record Registrant(String email, String firstName, String lastName) {

    public Registrant {
        if (email == null || email.isBlank() || email.length() > 128 || !email.contains("@")) {
            throw new IllegalArgumentException("a registrant needs an e-mail address of at most 128 characters");
        }
        if (firstName == null || firstName.isBlank() || firstName.length() > 64) {
            throw new IllegalArgumentException("a registrant needs a first name of 1 to 64 characters");
        }
        lastName = lastName == null || lastName.isBlank() ? null : lastName;
        if (lastName != null && lastName.length() > 64) {
            throw new IllegalArgumentException("last name must have at most 64 characters");
        }
    }
}
