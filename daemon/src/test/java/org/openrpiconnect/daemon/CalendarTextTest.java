package org.openrpiconnect.daemon;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CalendarTextTest {
    @Test
    void utc_texts_are_the_ones_of_java_time_for_every_day_from_1900_to_2200_and_every_second_of_a_leap_day() {
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (long s = from; s < to; s += 86_400 + 37) { // drifting through the seconds of the day
            assertEquals(Instant.ofEpochSecond(s).toString(), CalendarText.utc(s));
        }
        DateTimeFormatter basic = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        for (long s = from; s < to; s += 86_400 * 7 + 11) {
            assertEquals(basic.format(Instant.ofEpochSecond(s)), CalendarText.utcBasic(s));
        }
        long leapDay = Instant.parse("2024-02-29T00:00:00Z").getEpochSecond();
        for (long s = leapDay - 1; s <= leapDay + 86_400; s++) {
            assertEquals(Instant.ofEpochSecond(s).toString(), CalendarText.utc(s));
        }
    }
}
