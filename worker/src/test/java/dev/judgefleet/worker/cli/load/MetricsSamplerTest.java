package dev.judgefleet.worker.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MetricsSamplerTest {
  private static final String METRICS =
      """
      # HELP judge_slots_busy Slots judging a submission now
      # TYPE judge_slots_busy gauge
      judge_slots_busy 2.0
      judge_slots 4.0
      judge_slots_total_bogus 99.0
      kafka_consumer_fetch_manager_records_lag{client_id="kafka-consumer-submissions",kafka_version="4.1.2",partition="0",topic="judge.submissions"} 3.0
      kafka_consumer_fetch_manager_records_lag{client_id="kafka-consumer-submissions",kafka_version="4.1.2",partition="1",topic="judge.submissions"} 4.0
      kafka_consumer_fetch_manager_records_lag{client_id="kafka-consumer-problems",kafka_version="4.1.2",partition="0",topic="judge.problems"} 100.0
      kafka_consumer_fetch_manager_records_lag_max{client_id="kafka-consumer-submissions"} 50.0
      kafka_consumer_fetch_manager_records_lag{partition="2",topic="judge.submissions"} NaN
      """;

  @Test
  void readsBusySlotsAndTheSubmissionsLagSummedOverPartitions() {
    MetricSample s = MetricsSampler.parse("h:1", 1.25, METRICS, "judge.submissions");
    assertEquals(new MetricSample("h:1", 1.3, 2, 4, 7), s);
  }

  @Test
  void withoutPerPartitionSeriesTheConsumersMaximumStandsIn() {
    String text =
        """
        judge_slots_busy 1.0
        kafka_consumer_fetch_manager_records_lag_max{client_id="kafka-consumer-submissions",kafka_version="4.1.2"} 12.0
        kafka_consumer_fetch_manager_records_lag_max{client_id="kafka-consumer-problems",kafka_version="4.1.2"} 3.0
        """;
    assertEquals(
        new MetricSample("h:1", 0, 1, 0, 12),
        MetricsSampler.parse("h:1", 0, text, "judge.submissions"));
  }

  @Test
  void aWorkerWithoutLagSaysSo() {
    MetricSample s = MetricsSampler.parse("h:1", 0, "judge_slots_busy 1\n", "judge.submissions");
    assertEquals(new MetricSample("h:1", 0, 1, 0, -1), s);
  }

  @Test
  void aBareAddressGetsTheMetricsPath() {
    assertEquals(
        URI.create("http://127.0.0.1:8580/q/metrics"), MetricsSampler.metricsUri("127.0.0.1:8580"));
    assertEquals(
        URI.create("http://127.0.0.1:8580/q/metrics"),
        MetricsSampler.metricsUri("http://127.0.0.1:8580/"));
    assertEquals(URI.create("http://h/custom"), MetricsSampler.metricsUri("http://h/custom"));
  }
}
