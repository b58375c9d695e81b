package org.sealmail.app.ui;

import java.util.Locale;

/** Small display formats shared by the views. */
public final class Formats {

    private Formats() {
    }

    /**
     * @param bytes a size in bytes
     * @return e.g. "512 B", "1.5 KB", "2.0 MB" (powers of 1024)
     */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
