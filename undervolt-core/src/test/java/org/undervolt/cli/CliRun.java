package org.undervolt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One in-process execution of the CLI, with its exit code and everything it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        var cl = UndervoltCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Standard output parsed as the one JSON object a {@code --json} command prints. */
    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out);
    }
}
