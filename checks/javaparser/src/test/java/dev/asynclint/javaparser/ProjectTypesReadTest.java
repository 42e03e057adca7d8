package dev.asynclint.javaparser;

import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index tries its patterns only where a match can begin; it must read what a plain {@code
 * find()} over the whole text reads, on the conformance corpus and on texts made to trip it.
 */
class ProjectTypesReadTest {
  private static final List<String> TRICKY = List.of(
      "class A { void run() throws java.io.IOException, RuntimeException { } int x = 1; }",
      "class B { void f(int a, String b) {} if (x) { } while(y){} foo (bar) {} }",
      "class C { Runnable r = () -> go(); Supplier<X> s = X::new; Function<A,B> f = a -> a; int n = m == k ? 1 : 2; }",
      "class D { a = b = c -> d; e += f -> g; h=i::j; k = (l, m) -> n; }",
      "interface E extends F<G>, H { } enum I implements J { K; } record L(int m) implements N { } class subclass {}",
      "class O { Object p = new Q() { void r() {} }; Object s = new T<U>(v) {}; Object w = new x.y.Z(); }",
      "/* class Hidden { */ class P { /* void q() { */ } // new R() {\n",
      "class S { String t = \"class V { void w() { }\"; char u = '('; void (x) { } }",
      "class Nested { void a(b(c)) { } void d(e(f(g))) { } void\th\n(\n) \n{ } }",
      "class_ classy { newer() { } renew = x -> y; }",
      "");

  @Test
  void anchoredMatchingReadsWhatFindReadsOnTheCorpusAndOnTrickyTexts() throws Exception {
    List<String> texts = new ArrayList<>(TRICKY);
    try (Stream<Path> files = Files.walk(Corpus.dir())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        texts.add(Files.readString(file));
      }
    }
    assertWithMessage("corpus files").that(texts.size()).isGreaterThan(TRICKY.size() + 10);
    for (String text : texts) {
      ProjectTypes.FileDeclarations anchored = ProjectTypes.FileDeclarations.of(text);
      ProjectTypes.FileDeclarations found = byFind(text);
      String where = text.length() > 80 ? text.substring(0, 80) : text;
      assertWithMessage("methods of " + where).that(anchored.methods()).containsExactlyElementsIn(found.methods()).inOrder();
      assertWithMessage("lambda holders of " + where).that(anchored.lambdaHolders())
          .containsExactlyElementsIn(found.lambdaHolders()).inOrder();
      assertWithMessage("headers of " + where).that(anchored.headers()).containsExactlyElementsIn(found.headers()).inOrder();
      assertWithMessage("declaring of " + where).that(anchored.declaring()).containsExactlyElementsIn(found.declaring()).inOrder();
    }
  }

  /** The index as it was read before: each pattern's find() loop over the whole text. */
  private static ProjectTypes.FileDeclarations byFind(String text) {
    ProjectTypes.FileDeclarations out = new ProjectTypes.FileDeclarations(new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>());
    Matcher method = ProjectTypes.DECLARED_METHOD.matcher(text);
    while (method.find()) {
      if (!List.of("if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new").contains(method.group(1))) {
        out.methods().add(method.group(1));
      }
    }
    Matcher holder = ProjectTypes.LAMBDA_FIELD.matcher(text);
    while (holder.find()) {
      out.lambdaHolders().add(holder.group(1));
    }
    Matcher type = ProjectTypes.TYPE_HEADER.matcher(text);
    while (type.find()) {
      List<String> names = new ArrayList<>();
      out.headers().add(Map.entry(type.group(1), names));
      Matcher identifier = ProjectTypes.IDENTIFIER.matcher(type.group(2));
      while (identifier.find()) {
        names.add(identifier.group());
      }
      out.declaring().add(type.group(1));
    }
    Matcher anonymous = ProjectTypes.ANONYMOUS.matcher(text);
    while (anonymous.find()) {
      int open = text.indexOf('(', anonymous.end() - 1);
      int depth = 0;
      int close = -1;
      for (int i = open; i >= 0 && i < text.length() && i < open + 2000; i++) {
        char c = text.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          close = i;
          break;
        }
      }
      int next = close + 1;
      while (close > 0 && next < text.length() && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (close > 0 && next < text.length() && text.charAt(next) == '{') {
        out.declaring().add(anonymous.group(1));
      }
    }
    return out;
  }
}
