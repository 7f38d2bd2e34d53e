package org.balintcompanion.room;

import java.util.Objects;

/** One confidentiality promise a participant confirms before the meeting ("I am alone in a closed room"). */
public record ChecklistItem(String id, String labelFr, String labelEn) {
    public ChecklistItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelFr, "labelFr");
        Objects.requireNonNull(labelEn, "labelEn");
    }
}
