package org.sealmail.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves snapshots of scenes as PNG files under {@code target/screenshots/} for people to review. */
public final class Screenshots {

    private Screenshots() {
    }

    /** @return the screenshot directory (system property {@code sealmail.screenshots}, else target/screenshots) */
    public static Path directory() {
        return Path.of(System.getProperty("sealmail.screenshots", "target/screenshots"));
    }

    /**
     * Call on the JavaFX application thread.
     *
     * @param scene the scene
     * @param name the file name without extension
     * @return the PNG file
     */
    public static Path save(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(directory());
            Path file = directory().resolve(name + ".png");
            ImageIO.write(buffered, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + name, e);
        }
    }
}
