package transitive;

/** One implementation blocks (DiskCache) and one does not (MemoryCache): a call through Cache is not reported. */
public interface Cache {
  String get(String key) throws Exception;
}
