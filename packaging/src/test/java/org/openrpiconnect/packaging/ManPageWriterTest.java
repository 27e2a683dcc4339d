package org.openrpiconnect.packaging;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManPageWriterTest {
    private final ManPageWriter writer = new ManPageWriter("rpi-connect 2.9.0");

    @Test
    void subcommand_page_is_named_after_its_qualified_name_and_documents_its_options() {
        CommandLine status = CommandModels.rpiConnect().getSubcommands().get("status");
        CommandSpec spec = status.getCommandSpec();

        String page = writer.write(spec, List.of("rpi-connect"));

        assertEquals("rpi-connect-status", ManPageWriter.pageName(spec));
        assertTrue(page.startsWith(".TH RPI\\-CONNECT\\-STATUS 1 \"\" \"rpi connect 2.9.0\"".replace(
                "rpi connect", "rpi\\-connect")), page);
        assertTrue(page.contains(".SH NAME\nrpi\\-connect\\-status \\- Show whether"), page);
        assertTrue(page.contains("\\fB\\-\\-json\\fR"), page);
        assertTrue(page.contains(".SH SEE ALSO\n.BR rpi\\-connect (1)"), page);
    }

    @Test
    void option_with_a_value_shows_its_label_and_top_page_lists_every_command() {
        CommandLine cli = CommandModels.rpiConnect();

        String signin = writer.write(cli.getSubcommands().get("signin").getCommandSpec(), List.of());
        String top = writer.write(cli.getCommandSpec(), List.of());

        assertTrue(signin.contains("\\fB\\-\\-auth\\-key\\fR=\\fIKEY|@FILE\\fR"), signin);
        for (String command : cli.getSubcommands().keySet()) {
            assertTrue(top.contains(".TP\n\\fB" + ManPageWriter.escape(command) + "\\fR\n"), command + " in\n" + top);
        }
        assertTrue(top.contains(".SH NOTES\nExit codes: 0 done"), top);
    }

    @Test
    void text_that_troff_would_read_as_a_request_or_escape_is_escaped() {
        assertEquals("\\&.config is \\e\\-\\-", ManPageWriter.escape(".config is \\--"));
    }

    @Test
    void daemon_page_documents_the_options_of_the_troubleshooting_section() {
        String page = writer.write(CommandModels.rpiConnectd().getCommandSpec(), List.of("rpi-connect"));

        assertTrue(page.contains("\\fB\\-v\\fR"), page);
        assertTrue(page.contains("\\fB\\-socket\\fR \\fIPATH\\fR"), page);
    }
}
