package org.socius.cli;

import java.io.PrintWriter;
import org.socius.platform.DomainException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. With no arguments Socius serves, so {@code java -jar socius.jar} just starts it. */
@Command(name = "socius", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Socius: a self-hosted, relationship-first social media workbench.",
    subcommands = {ServeCommand.class, UserCommand.class, WorkspaceCommand.class, TokenCommand.class, BackupCommand.class,
        RestoreCommand.class, PostCommand.class, QueueCommand.class})
public class SociusCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args.length == 0 ? new String[] {"serve"} : args);
    if (code != 0 || !ServeCommand.isServing()) {
      System.exit(code);
    }
  }

  /** Runs a command; returns its exit code (0 ok, 1 failed, 2 bad usage). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new SociusCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable cause = rootCause(e);
      if (cause instanceof DomainException || cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
          || cause instanceof CliFailure) {
        commandLine.getErr().println("socius: " + cause.getMessage());
        return 1;
      }
      throw e;
    });
    return cli.execute(args);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (!(t instanceof DomainException || t instanceof CliFailure) && t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** A failure to report in words, exit code 1. */
  static final class CliFailure extends RuntimeException {
    CliFailure(String message) {
      super(message);
    }
  }
}
