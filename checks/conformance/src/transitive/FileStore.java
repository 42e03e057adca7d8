package transitive;

public class FileStore implements Store {
  @Override
  public String load(String key) throws Exception {
    return java.nio.file.Files.readString(java.nio.file.Path.of(key));
  }
}
