package org.balintcompanion.admin;

/** The admin side's services, built once by the composition root and handed to the HTTP adapter. */
public record Admin(AdminSessions sessions, Directory directory, Groups groups, Meetings meetings, JoinLinks links,
                    RoomOpener rooms, AuditLog audit, ZoomLink zoom, org.balintcompanion.mail.Rsvps rsvps,
                    org.balintcompanion.mail.MailScheduler mail, org.balintcompanion.store.UnrestoredRooms unrestored) {}
