package org.openrpiconnect.daemon.board;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrpiconnect.daemon.testing.FakeSysroot;
import org.openrpiconnect.protocol.device.DeviceFacts;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoardFactsReaderTest {
    @TempDir
    Path root;

    private BoardFacts read(String javaArch) {
        return new BoardFactsReader(root, javaArch, () -> "machine-host").read();
    }

    @Test
    void pi5_on_raspberry_pi_os_is_described_fully() throws IOException {
        FakeSysroot.at(root)
                .file("proc/device-tree/serial-number", "10000000ABCDEF01\0")
                .file("proc/device-tree/model", "Raspberry Pi 5 Model B Rev 1.0\0")
                .cpuinfo("d04170", "10000000abcdef01")
                .file("etc/os-release", "PRETTY_NAME=\"Raspberry Pi OS (64-bit)\"\nNAME=\"Debian GNU/Linux\"\n"
                        + "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nID=debian\n")
                .file("proc/sys/kernel/arch", "aarch64\n")
                .file("etc/hostname", "pi5-kitchen\n");

        BoardFacts facts = read("amd64");

        assertEquals("10000000abcdef01", facts.serial());
        assertEquals(new DeviceFacts.Board("Raspberry Pi 5", "1.0", "8 GB"), facts.board());
        assertEquals(new DeviceFacts.Os("Raspberry Pi OS", "12 (bookworm)"), facts.os());
        assertEquals("aarch64", facts.kernelArchitecture());
        assertEquals("pi5-kitchen", facts.hostname());
    }

    @Test
    void serial_falls_back_to_cpuinfo_as_the_pi_shows_it_in_lower_case() throws IOException {
        FakeSysroot.at(root).cpuinfo("a02082", "00000000DEADBEEF");
        assertEquals("00000000deadbeef", read("arm").serial());
    }

    @Test
    void machine_without_a_pi_serial_uses_machine_id_with_a_prefix() throws IOException {
        FakeSysroot.at(root)
                .file("proc/cpuinfo", "processor\t: 0\nSerial\t\t: 0000000000000000\n")
                .file("etc/machine-id", "0123456789abcdef0123456789abcdef\n");
        assertEquals("mid-0123456789abcdef", read("amd64").serial());
    }

    @Test
    void serials_that_are_not_hex_are_not_used() throws IOException {
        FakeSysroot.at(root)
                .file("proc/device-tree/serial-number", "N/A\0")
                .file("proc/cpuinfo", "processor\t: 0\nSerial\t\t: unknown\n")
                .file("etc/machine-id", "0123456789abcdef0123456789abcdef\n");
        assertEquals("mid-0123456789abcdef", read("arm").serial());

        FakeSysroot.at(root).file("etc/machine-id", "not-a-machine-id-not-a-machine-id\n");
        assertNull(read("arm").serial());
    }

    @Test
    void no_serial_anywhere_gives_none() {
        assertNull(read("amd64").serial());
    }

    @Test
    void raspbian_id_is_reported_as_raspberry_pi_os() throws IOException {
        FakeSysroot.at(root).file("etc/os-release", "NAME=\"Raspbian GNU/Linux\"\nVERSION=\"11 (bullseye)\"\n"
                + "ID=raspbian\n");
        assertEquals(new DeviceFacts.Os("Raspberry Pi OS", "11 (bullseye)"), read("arm").os());
    }

    @Test
    void plain_debian_keeps_its_name_and_version() throws IOException {
        FakeSysroot.at(root).file("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                + "NAME=\"Debian GNU/Linux\"\nVERSION=\"12 (bookworm)\"\nID=debian\n");
        assertEquals(new DeviceFacts.Os("Debian GNU/Linux", "12 (bookworm)"), read("amd64").os());
    }

    @Test
    void architecture_falls_back_to_the_java_name_mapped_to_the_kernel_name() {
        assertEquals("x86_64", read("amd64").kernelArchitecture());
        assertEquals("armv7l", read("arm").kernelArchitecture());
        assertEquals("aarch64", read("aarch64").kernelArchitecture());
    }

    @Test
    void hostname_falls_back_to_the_machine_hostname() {
        assertEquals("machine-host", read("amd64").hostname());
    }

    @Test
    void undecodable_revision_reports_the_device_tree_model_as_is() throws IOException {
        FakeSysroot.at(root).cpuinfo("8ff0f0", "10000000abcdef01")
                .file("proc/device-tree/model", "Raspberry Pi 9 Model Z Rev 1.0\0");
        assertEquals(new DeviceFacts.Board("Raspberry Pi 9 Model Z Rev 1.0", null, null), read("aarch64").board());
    }

    @Test
    void a_laptop_has_no_board() throws IOException {
        FakeSysroot.at(root).file("proc/cpuinfo", "processor\t: 0\nmodel name\t: Some CPU\n");
        assertNull(read("amd64").board());
    }
}
