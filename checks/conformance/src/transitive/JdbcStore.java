package transitive;

public class JdbcStore implements Store {
  private final UserDao dao = new UserDao();

  @Override
  public String load(String key) throws Exception {
    return dao.find(key);
  }
}
