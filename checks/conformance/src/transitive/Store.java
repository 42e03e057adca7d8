package transitive;

/** A virtual call blocks when every implementation in the sources blocks (FileStore, JdbcStore). */
public interface Store {
  String load(String key) throws Exception;
}
