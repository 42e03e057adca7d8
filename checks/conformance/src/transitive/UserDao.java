package transitive;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain code: blocking here is fine, unless an event loop calls it (see UserHandler). */
public class UserDao {
  public String find(String id) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:users")) {
      return connection.getCatalog() + id;
    }
  }

  public String cached(String id) {
    return "user-" + id;
  }
}
