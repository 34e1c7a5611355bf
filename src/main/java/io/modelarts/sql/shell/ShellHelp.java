package io.modelarts.sql.shell;

/** The text of {@code ./modelarts-sql --help}: how to connect, the options, examples. */
final class ShellHelp {
  static final String TEXT =
      """
      modelarts-sql: SQL over the ModelArts notebook listing API (sqlline on the jdbc:modelarts: driver)

      Usage:
        modelarts-sql [connection] [options]              interactive SQL shell
        modelarts-sql [connection] [options] -e "SQL"     run one statement and exit
        modelarts-sql [connection] [options] < FILE       run the statements piped in, as -f FILE
        modelarts-sql [connection] sync [sync options]    copy the tables elsewhere (if built in)

      Connecting
        --demo                 start a local ModelArts simulator (500 notebooks, seed 42) in this
                               process and connect to it with its demo AK/SK; nothing leaves the machine
        --properties FILE      connection properties, one key=value a line (UTF-8); default
                               ~/.modelarts-sql/connection.properties when it exists
        --region R             Huawei Cloud region, e.g. cn-north-4, ap-southeast-3, or
                               Open Telekom Cloud region eu-de; selects the API and IAM endpoints
        --project-id P         the project whose notebooks are listed (required)
        --endpoint URL         full ModelArts API base URL; overrides --region
        --auth-type T          aksk (default: user = AK, password = SK), password (IAM user,
                               password and --domain) or token (property token in the file)
        --user U               the AK, or the IAM user name
        --domain D             the IAM account (domain) name, for --auth-type password
        --password P           accepted but discouraged: it stays in the shell history and the
                               process list (a warning says so)
        -u URL                 a jdbc:modelarts: URL, e.g. "jdbc:modelarts:region=eu-de;projectId=..."
                               (its properties override the file's; flags override it);
                               -n and -p are accepted for --user and --password

        The password or SK never has to be on the command line. It is taken from, first match wins:
        --password (or -p, or the -u URL), $MODELARTS_PASSWORD, $MODELARTS_SK, the properties
        file's password=, and otherwise it is asked for on the terminal without echo.

        Properties file example (any property of the driver may appear; chmod 600 it):
          region=eu-de
          projectId=0a1b2c3d4e5f60718293a4b5c6d7e8f9
          user=MYACCESSKEYID
          password=MySecretAccessKey

      Options
        -e "SQL"               run the statement, print the result, exit: status 0 on success,
                               1 on an error, which is one line with its SQLState
        -f FILE                run the statements of FILE (each ending in ;) and exit; the
                               first failure stops the run with status 1
        --outputformat=F       table (default), vertical, csv, tsv, json, xmlattrs, xmlelements
        --verbose              add stack traces to errors
        --help                 this text
        Other sqlline options pass through as --name=value, e.g. --maxWidth=200, --nullValue=NULL.

      Files
        ~/.modelarts-sql/connection.properties   default connection properties
        ~/.modelarts-sql/history                 command history
        ~/.modelarts-sql/sqlline.properties      sqlline preferences (!save writes it)
        $MODELARTS_SQL_HOME replaces ~/.modelarts-sql.

      Examples
        modelarts-sql --demo -e "SELECT status, COUNT(*) FROM notebooks GROUP BY status"
        modelarts-sql --demo --outputformat=csv -e "SELECT id, name, flavor FROM notebooks LIMIT 5"
        MODELARTS_SK=... modelarts-sql --region eu-de --project-id 0a1b... --user MYAK
        modelarts-sql --region cn-north-4 --project-id 0a1b... --auth-type password \\
            --user alice --domain mycompany          (asks for the IAM password)
        modelarts-sql --properties prod.properties --outputformat=json -e "SELECT * FROM images"
      """;

  private ShellHelp() {}
}
