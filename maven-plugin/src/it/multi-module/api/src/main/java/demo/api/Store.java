package demo.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file: fine here, nothing says this runs on an event loop. */
public final class Store {
  public static String load(Path file) throws IOException {
    return Files.readString(file);
  }
}
