package org.openrpiconnect.cli.service;

/** How `rpi-connect on`, `off` and `restart` run the daemon; each prints what it did. */
public interface ServiceManager {
    void on();

    void off();

    void restart();
}
