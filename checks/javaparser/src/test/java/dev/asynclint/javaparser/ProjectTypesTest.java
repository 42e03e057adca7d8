package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text-level index of the scanned files (read in parallel, merged in file order): declared
 * method names, fields that hold lambdas, and the files that may hold a subtype of a type.
 */
class ProjectTypesTest {
  @Test
  void theIndexIsReadFromEveryFileAndListsFilesInScanOrder() {
    List<Path> files = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // enough files for the parallel read to split them
      files.add(Path.of("src/demo/Filler" + i + ".java"));
      texts.add("package demo; class Filler" + i + " { void fill" + i + "() {} }");
    }
    files.add(Path.of("src/demo/Store.java"));
    texts.add("package demo; interface Store { byte[] load(); }");
    files.add(Path.of("src/demo/DiskStore.java"));
    texts.add("package demo; class DiskStore implements Store { public byte[] load() { return null; } }");
    files.add(Path.of("src/demo/CachedStore.java"));
    texts.add("package demo; class CachedStore extends DiskStore {"
        + " private final java.util.function.Supplier<byte[]> loader = () -> null;"
        + " public byte[] load() { return loader.get(); } }");
    files.add(Path.of("src/demo/Stores.java"));
    texts.add("package demo; class Stores { Store memory() { return new Store() { public byte[] load() { return null; } }; } }");

    ProjectTypes index = new ProjectTypes(files, texts);

    assertThat(index.mayDeclare("load")).isTrue();
    assertThat(index.mayDeclare("fill39")).isTrue();
    assertThat(index.mayDeclare("save")).isFalse();
    assertThat(index.mayHoldLambda("loader")).isTrue();
    assertThat(index.filesWithSubtypesOf("Store", "load").stream().map(Map.Entry::getKey).toList())
        .containsExactly(files.get(41), files.get(42), files.get(43)).inOrder();
    assertThat(index.filesWithSubtypesOf("Store", "save")).isEmpty();
  }
}
