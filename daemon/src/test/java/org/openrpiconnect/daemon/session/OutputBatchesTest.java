package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

@Timeout(30)
class OutputBatchesTest {
    private static final int BATCH = 1024;

    @Test
    void a_burst_is_sent_in_order_without_loss_in_messages_no_larger_than_a_batch() throws Exception {
        OutputBatches batches = new OutputBatches(BATCH, 2);
        byte[] burst = new byte[300_000];
        new Random(7).nextBytes(burst);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            Random sizes = new Random(8);
            int at = 0;
            try {
                while (at < burst.length) {
                    int n = Math.min(burst.length - at, 1 + sizes.nextInt(3 * BATCH)); // reads of any size
                    assertTrue(batches.put(burst, at, n));
                    at += n;
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            batches.finish();
        });
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        while (batches.sendNext(message -> {
            sizes.add(message.length);
            received.write(message, 0, message.length); // the array is reused after this call
            return true;
        })) {
            // next
        }
        reader.get(10, TimeUnit.SECONDS);

        assertArrayEquals(burst, received.toByteArray());
        assertTrue(sizes.stream().allMatch(s -> s > 0 && s <= BATCH), "sizes " + sizes);
    }

    @Test
    void a_consumer_that_does_not_take_caps_the_waiting_bytes_and_holds_the_reader() throws Exception {
        OutputBatches batches = new OutputBatches(BATCH, 3);
        AtomicBoolean putReturned = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                putReturned.set(batches.put(new byte[10 * BATCH], 0, 10 * BATCH));
            } catch (InterruptedException e) {
                // ends the test's reader
            }
        });
        reader.start();

        eventually(Duration.ofSeconds(5), "the reader waits", () -> reader.getState() == Thread.State.WAITING);
        assertEquals(3L * BATCH, batches.waiting());
        Thread.sleep(100);
        assertEquals(3L * BATCH, batches.waiting(), "still no more than three batches");
        assertFalse(putReturned.get());

        assertTrue(batches.sendNext(message -> true)); // one batch leaves: room for exactly one more
        eventually(Duration.ofSeconds(5), "the reader waits again",
                () -> reader.getState() == Thread.State.WAITING && batches.waiting() == 3L * BATCH);

        batches.stop();
        reader.join(5000);
        assertFalse(reader.isAlive());
        assertFalse(putReturned.get(), "a stopped put says so");
        assertEquals(0, batches.waiting());
    }

    @Test
    void while_a_batch_is_being_sent_the_next_fills_and_leaves_as_one_message() throws Exception {
        OutputBatches batches = new OutputBatches(BATCH, 2);
        batches.put(new byte[] {1}, 0, 1);
        List<byte[]> sent = new ArrayList<>();
        assertTrue(batches.sendNext(message -> {
            sent.add(message.clone());
            try {
                for (int i = 0; i < 100; i++) batches.put(new byte[] {2}, 0, 1); // typed while the send is slow
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return true;
        }));
        assertTrue(batches.sendNext(message -> sent.add(message.clone())));

        assertArrayEquals(new byte[] {1}, sent.get(0), "an idle sender sends what came at once");
        assertEquals(100, sent.get(1).length, "what came meanwhile leaves together");
    }

    @Test
    void finishing_sends_what_is_left_then_reports_the_end() throws Exception {
        OutputBatches batches = new OutputBatches(BATCH, 2);
        batches.put("bye".getBytes(), 0, 3);
        batches.finish();
        List<String> sent = new ArrayList<>();

        assertTrue(batches.sendNext(message -> sent.add(new String(message))));
        assertFalse(batches.sendNext(message -> sent.add("never")));
        assertEquals(List.of("bye"), sent);
    }

    @Test
    void a_send_that_fails_stops_the_reader_too() throws Exception {
        OutputBatches batches = new OutputBatches(BATCH, 2);
        batches.put(new byte[] {1}, 0, 1);

        assertFalse(batches.sendNext(message -> false));
        assertFalse(batches.put(new byte[] {2}, 0, 1));
        assertFalse(batches.sendNext(message -> true));
    }

    @Test
    void a_waiting_sender_ends_when_stopped() throws Exception {
        OutputBatches batches = new OutputBatches(BATCH, 2);
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(() -> {
            try {
                return batches.sendNext(message -> true);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(next.isDone());

        batches.stop();
        assertFalse(next.get(5, TimeUnit.SECONDS));
    }
}
