package transitive;

public class DiskCache implements Cache {
  @Override
  public String get(String key) throws Exception {
    return java.nio.file.Files.readString(java.nio.file.Path.of(key));
  }
}
