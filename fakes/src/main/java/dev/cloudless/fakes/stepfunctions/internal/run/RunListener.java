package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.apiguardian.api.API;

/** What an execution tells the service as it runs, for the journal. */
@API(status = INTERNAL, since = "0.1")
public interface RunListener {

  void stateEntered(ExecutionRun run, String stateName, String type, JsonNode input);

  void stateExited(ExecutionRun run, String stateName, String type, JsonNode output);

  void retryScheduled(
      ExecutionRun run, String stateName, String error, int retryCount, Duration delay);

  void finished(ExecutionRun run);

  /** A listener that ignores everything. */
  RunListener NONE =
      new RunListener() {
        @Override
        public void stateEntered(ExecutionRun run, String stateName, String type, JsonNode input) {}

        @Override
        public void stateExited(ExecutionRun run, String stateName, String type, JsonNode output) {}

        @Override
        public void retryScheduled(
            ExecutionRun run, String stateName, String error, int retryCount, Duration delay) {}

        @Override
        public void finished(ExecutionRun run) {}
      };
}
