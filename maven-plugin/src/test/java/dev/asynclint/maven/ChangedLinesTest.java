package dev.asynclint.maven;

import static com.google.common.truth.Truth.assertThat;

import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangedLinesTest {
  @Test
  void readsAddedAndChangedLinesFromAZeroContextDiff() {
    String diff = """
        diff --git a/src/A.java b/src/A.java
        index 1..2 100644
        --- a/src/A.java
        +++ b/src/A.java
        @@ -10 +10,2 @@ class A {
        -    old();
        +    changed();
        +    added();
        @@ -20,3 +22,0 @@ class A {
        diff --git a/src/New.java b/src/New.java
        new file mode 100644
        --- /dev/null
        +++ b/src/New.java
        @@ -0,0 +1,3 @@
        +class New {
        +}
        +
        diff --git a/src/Gone.java b/src/Gone.java
        deleted file mode 100644
        --- a/src/Gone.java
        +++ /dev/null
        @@ -1,2 +0,0 @@
        """;
    Map<String, BitSet> lines = ChangedLines.parse(diff);
    assertThat(lines.keySet()).containsExactly("src/A.java", "src/New.java");
    BitSet a = lines.get("src/A.java");
    assertThat(a.get(10)).isTrue();
    assertThat(a.get(11)).isTrue();
    assertThat(a.get(12)).isFalse();
    assertThat(a.get(22)).isFalse(); // a pure deletion adds no line
    assertThat(lines.get("src/New.java").cardinality()).isEqualTo(3);
  }
}
