package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class AgentLoadedTest {
  @Test
  void theTestJvmRunsWithTheAgentAndTheOldArgLine() {
    String args = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
    assertTrue(args.matches(".*-javaagent:\\S*async-lint-agent-\\S*\\.jar=report=\\S*agent\\.json.*"), args);
    assertEquals("yes", System.getProperty("it.kept"));
  }
}
