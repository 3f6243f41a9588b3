package dev.cairn.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded with the Bolt connector, configured entirely by the neo4j.conf
 * that Cairn writes. Started and stopped by `cairn neo4j start|stop`; never run by hand.
 *
 * <p>Arguments: the Neo4j home directory, the neo4j.conf path, and the path of the ready file
 * to write once Bolt accepts the generated password. The password comes in the environment
 * (CAIRN_NEO4J_PASSWORD) so that it never appears in a process listing or a log.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: Launcher <neo4j-home> <neo4j.conf> <ready-file>");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    Path conf = Path.of(args[1]);
    Path ready = Path.of(args[2]);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  deleteQuietly(ready);
                  dbms.shutdown();
                  System.out.println("cairn-neo4j: stopped cleanly");
                },
                "cairn-neo4j-shutdown"));

    String password = System.getenv("CAIRN_NEO4J_PASSWORD");
    if (password != null && !password.isEmpty()) {
      setPassword(dbms, password);
    }
    Files.writeString(ready, ProcessHandle.current().pid() + "\n");
    System.out.println("cairn-neo4j: ready");
    new CountDownLatch(1).await();
  }

  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system")
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (RuntimeException e) {
      // Restarting with the password already set: Neo4j refuses to "change" it to itself.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
        throw e;
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("cairn-neo4j: could not remove " + file + ": " + e.getMessage());
    }
  }
}
