package transitive;

import java.sql.SQLException;

public class UserService {
  private final UserDao dao = new UserDao();

  public String loadUser(String id) throws SQLException {
    return dao.find(id.trim());
  }

  public String cachedUser(String id) {
    return dao.cached(id);
  }

  /** Mutual recursion must not loop: both reach the sleep through each other. */
  public void retry(int attempts) throws InterruptedException {
    if (attempts > 0) {
      backOff(attempts);
    }
  }

  private void backOff(int attempts) throws InterruptedException {
    Thread.sleep(10L * attempts);
    retry(attempts - 1);
  }
}
