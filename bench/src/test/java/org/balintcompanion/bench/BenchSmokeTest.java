package org.balintcompanion.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness must not rot: a few seconds of the real thing (20 rooms × 6 panels), the app server and the raw Jetty
 * baseline each in its own JVM, the generator in another. Asserts that the figures are complete and coherent, never
 * how fast they are (CI machines are shared and loaded).
 */
class BenchSmokeTest {

    @Test
    void aSmokeRunMeasuresEveryCommandOnBothServersAndComputesTheRatios() throws Exception {
        Map<String, Object> report = Bench.run(Args.parse(new String[] {"--smoke", "--targets", "ours,jetty"}));
        assertEquals(List.of(), report.get("failures"), "no target failed");

        for (String target : List.of("ours", "jetty")) {
            Object r = Report.at(report, "results", target);
            assertNotNull(r, target + " has results");
            assertEquals(120.0, Report.num(r, "connections"), target + ": 20 rooms x 6 panels");
            assertEquals(null, Report.at(r, "failure"), target + ": the generator finished");
            Object steady = Report.at(r, "phases", "steady");
            assertNotNull(steady, target + ": a steady window was measured");
            double sent = Report.num(steady, "sent");
            assertTrue(sent > 0, target + ": commands were sent");
            assertEquals(sent, Report.num(steady, "acked"), target + ": every command acked");
            assertEquals(0.0, Report.num(steady, "errors"), target + ": no command refused");
            assertEquals(0.0, Report.num(steady, "unchanged"), target + ": every command changed its room");
            assertEquals(sent, Report.num(steady, "fanoutRecorded"), target + ": last-member latency recorded for every command");
            assertEquals(sent, Report.num(steady, "fanout", "count"), target + ": one latency sample per command");
            assertEquals(0.0, Report.num(steady, "incomplete"), target + ": nothing left outstanding");
            assertEquals(0.0, Report.num(steady, "staleFrames"), target + ": versions only move forward at every panel");
            assertEquals(Report.num(steady, "roomsChecked"), Report.num(steady, "roomsWithVersionEqualToAckedChanges"),
                    target + ": each room moved by exactly its acked changes");
            assertTrue(Report.num(steady, "fanout", "p50_ms") > 0, target + ": latency is positive");
            assertTrue(Report.num(steady, "fanout", "max_ms") >= Report.num(steady, "fanout", "p50_ms"), target + ": max >= p50");
        }
        Object ours = Report.at(report, "results", "ours");
        assertEquals(120.0, Report.num(ours, "storm", "resynced"), "every panel came back after the storm");
        Object flood = Report.at(ours, "flood");
        assertTrue(Report.num(flood, "badFramesSent") > 0, "bad frames were sent");
        assertTrue(Report.num(flood, "errorFramesReceived") > 0, "bad frames were answered with errors");
        assertEquals(Report.num(ours, "phases", "flood", "roomsChecked"),
                Report.num(ours, "phases", "flood", "roomsWithVersionEqualToAckedChanges"), "bad frames changed no room");

        Object kill = Report.at(ours, "kill");
        assertNotNull(kill, "the kill -9 scenario ran");
        assertEquals(120.0, Report.num(kill, "clientsBackUnderNewEpoch"), "every panel back after kill -9 and restart");
        assertEquals(0.0, Report.num(kill, "commandsStillUnanswered"), "every command answered after the restart");
        assertEquals(20.0, Report.num(kill, "roomsCompared"), "every room restored");
        assertEquals(0.0, Report.num(kill, "roomsBehindAnAckReceivedBeforeTheKill"), "no acknowledged change lost");
        assertEquals(0.0, Report.num(kill, "roomsDifferingFromTheModel"), "no command lost or applied twice: " + Report.at(kill, "differences"));

        Double ratio = Report.num(report, "ratios", "ours/jetty", "steady p99");
        assertNotNull(ratio, "ours/baseline ratio computed");
        assertTrue(ratio > 0, "ratio is positive");
    }
}
