package dev.cloudless.assertions;

import dev.cloudless.fakes.apigateway.ApiGatewayEvent;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.faults.FaultFired;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.journal.JournalEvent;
import dev.cloudless.fakes.lambda.Invocation;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sns.SnsEvent;
import dev.cloudless.fakes.sns.Subscription;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.trace.RelativeTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The text every failure message ends with: what the journal knows about the subject, then the
 * faults that fired. The one place that renders journals for assertions, so that every assert class
 * tells the story the same way.
 *
 * <p>Stories are built only when an assertion fails: reading the journal is cheap but not free, and
 * a passing assertion has nothing to explain.
 */
final class JournalStory {

  /** How many characters of a body a story shows; a story is a summary, not a dump. */
  static final int PREVIEW = 80;

  /**
   * How many lines a list may have before the middle is cut: a fault that fires {@code always()} on
   * a thousand invocations must not bury the first line of the message. The start shows how it
   * began, the end how it finished.
   */
  static final int MAX_LINES = 30;

  private static final int HEAD = 20;

  private JournalStory() {}

  /** A function's invocations, oldest first, then the faults that fired. */
  static String ofFunction(LambdaFunction function) {
    Journal journal = function.journal();
    return invocations(function.name(), function.invocations(), journal.origin())
        + givenUp(function, journal)
        + faultsFired(journal);
  }

  /**
   * Where the asynchronous events Lambda gave up on went (dead-letter queue, dropped, lost): the
   * invocations show that attempts failed, this shows what became of the event.
   */
  private static String givenUp(LambdaFunction function, Journal journal) {
    List<LambdaEvent.AsyncEventDropped> dropped =
        journal.events(LambdaEvent.AsyncEventDropped.class).stream()
            .filter(e -> function.arn().equals(e.resourceArn()))
            .toList();
    if (dropped.isEmpty()) {
      return "";
    }
    return "Asynchronous events given up:\n" + indent(Journal.render(dropped, journal.origin()));
  }

  /**
   * A queue's journal events, what Lambda dead-lettered to it, the messages it holds now, then the
   * faults that fired.
   */
  static String ofQueue(Queue queue) {
    Journal journal = queue.journal();
    StringBuilder sb = new StringBuilder();
    sb.append("Events of queue [").append(queue.name()).append("]:\n");
    List<JournalEvent> events = journal.forResource(queue.arn());
    sb.append(indent(Journal.render(events, journal.origin())));
    sb.append(deadLettered(queue, journal));
    sb.append(heldMessages(queue.name(), queue.peek()));
    sb.append(faultsFired(journal));
    return sb.toString();
  }

  /** Everything the journal knows of a topic and its subscriptions, then the faults that fired. */
  static String ofTopic(Topic topic) {
    Journal journal = topic.journal();
    List<SnsEvent> events =
        journal.events(SnsEvent.class).stream()
            .filter(e -> topic.arn().equals(e.topicArn()))
            .toList();
    return "Events of topic ["
        + topic.name()
        + "]:\n"
        + indent(Journal.render(events, journal.origin()))
        + faultsFired(journal);
  }

  /**
   * A subscription's own events (deliveries, failures, filtered out), then the faults that fired.
   */
  static String ofSubscription(Subscription subscription) {
    Journal journal = subscription.journal();
    List<JournalEvent> events = journal.forResource(subscription.arn());
    return "Events of subscription ["
        + subscription.arn()
        + "]:\n"
        + indent(Journal.render(events, journal.origin()))
        + faultsFired(journal);
  }

  /**
   * The events Lambda gave up on with this queue as their dead-letter target. They are journaled on
   * the function, not the queue, so the queue's own events miss them; and a delivery that failed is
   * the one case where a dead-letter queue is empty although an event was meant for it.
   */
  private static String deadLettered(Queue queue, Journal journal) {
    List<LambdaEvent.AsyncEventDropped> dropped =
        journal.events(LambdaEvent.AsyncEventDropped.class).stream()
            .filter(e -> queue.arn().equals(e.deadLetterTargetArn()))
            .toList();
    if (dropped.isEmpty()) {
      return "";
    }
    return "Dead-lettered to queue ["
        + queue.name()
        + "] by Lambda:\n"
        + indent(Journal.render(dropped, journal.origin()));
  }

  /**
   * What a stage did: its journal events (requests, authorizer decisions, cache lookups,
   * throttles), then the faults that fired. With a route key, only that route's events.
   */
  static String ofStage(Stage stage, String routeKey) {
    Journal journal = stage.journal();
    List<JournalEvent> events =
        journal.forResource(stage.arn()).stream()
            .filter(e -> routeKey == null || routeKey.equals(routeKeyOf(e)))
            .toList();
    return (routeKey == null
            ? "Events of stage [" + stage.name() + "]:\n"
            : "Events of route [" + routeKey + "] on stage [" + stage.name() + "]:\n")
        + (events.isEmpty() ? "  (none)\n" : indent(Journal.render(events, journal.origin())))
        + faultsFired(journal);
  }

  private static String routeKeyOf(JournalEvent e) {
    if (e instanceof ApiGatewayEvent.RequestServed r) {
      return r.routeKey();
    }
    if (e instanceof ApiGatewayEvent.AuthorizerDecided a) {
      return a.routeKey();
    }
    if (e instanceof ApiGatewayEvent.CacheLookup c) {
      return c.routeKey();
    }
    if (e instanceof ApiGatewayEvent.RequestThrottled t) {
      return t.routeKey();
    }
    return null;
  }

  /** A WebSocket API's connections and messages, oldest first, then the faults that fired. */
  static String ofWebSocketApi(WebSocketApi api) {
    Journal journal = api.journal();
    List<ApiGatewayEvent.WebSocketActivity> events =
        journal.events(ApiGatewayEvent.WebSocketActivity.class).stream()
            .filter(e -> api.id().equals(e.apiId()))
            .toList();
    return "WebSocket activity of API ["
        + api.name()
        + "]:\n"
        + (events.isEmpty() ? "  (none)\n" : indent(Journal.render(events, journal.origin())))
        + faultsFired(journal);
  }

  /** Every {@link FaultFired} in the cloud, or {@code none}: a fault elsewhere often explains. */
  static String faultsFired(Journal journal) {
    List<FaultFired> fired = journal.events(FaultFired.class);
    if (fired.isEmpty()) {
      return "Faults fired: none\n";
    }
    return "Faults fired:\n" + lines(fired.stream().map(FaultFired::summary).toList());
  }

  /**
   * One line per attempt, numbered as {@code invocation(n)} counts them, with what a person needs
   * to tell retries apart: time, attempt, outcome, error and request id.
   */
  static String invocations(String functionName, List<Invocation> invocations, Instant origin) {
    StringBuilder sb = new StringBuilder();
    sb.append("Invocations of function [").append(functionName).append("]:\n");
    if (invocations.isEmpty()) {
      sb.append("  (no invocations)\n");
      return sb.toString();
    }
    List<String> lines = new ArrayList<>();
    int n = 1;
    for (Invocation i : invocations) {
      lines.add(
          String.format("#%-3d %-12s ", n++, RelativeTime.format(origin, i.startedAt())) + line(i));
    }
    return sb.append(lines(lines)).toString();
  }

  /** An invocation on one line, without its time: also the subject line of a lone invocation. */
  static String line(Invocation i) {
    StringBuilder sb = new StringBuilder();
    sb.append("attempt ").append(i.attempt()).append("  ").append(i.outcome());
    if (i.errorType() != null) {
      sb.append("  ").append(i.errorType()).append(": ").append(i.errorMessage());
    }
    sb.append("  (")
        .append(i.invocationType().awsName())
        .append(", request ")
        .append(i.requestId());
    if (i.executedVersion() != null) {
      sb.append(", version ").append(i.executedVersion());
    }
    if (i.coldStart()) {
      sb.append(", cold start");
    }
    return sb.append(')').toString();
  }

  /** A message's body, attributes and message attributes, for failures about one message. */
  static String message(Message m) {
    StringBuilder sb = new StringBuilder();
    sb.append("Message ").append(m.messageId()).append(":\n");
    sb.append("  body: ").append(preview(m.body())).append('\n');
    sb.append("  attributes: ").append(m.attributes()).append('\n');
    sb.append("  messageAttributes: ").append(m.messageAttributes()).append('\n');
    return sb.toString();
  }

  /** The lines an invocation logged, for failures about one invocation. */
  static String logs(Invocation i) {
    if (i.logs().isEmpty()) {
      return "Logs: none\n";
    }
    return "Logs:\n" + lines(i.logs());
  }

  private static String heldMessages(String queueName, List<Message> held) {
    if (held.isEmpty()) {
      return "Messages held by queue [" + queueName + "]: none\n";
    }
    List<String> lines = new ArrayList<>();
    int n = 1;
    for (Message m : held) {
      lines.add(
          String.format("#%-3d %s receiveCount=%d ", n++, m.messageId(), m.receiveCount())
              + preview(m.body()));
    }
    return "Messages held by queue [" + queueName + "] (oldest first):\n" + lines(lines);
  }

  /** A body on one line, cut to {@link #PREVIEW} characters. */
  static String preview(String body) {
    return preview(body, PREVIEW);
  }

  /** A text on one line, cut to {@code max} characters. */
  static String preview(String text, int max) {
    if (text == null) {
      return "null";
    }
    String flat = text.replace('\r', ' ').replace('\n', ' ');
    return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
  }

  /** Lines indented by two spaces, the middle cut beyond {@link #MAX_LINES}. */
  private static String lines(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    int size = lines.size();
    for (int k = 0; k < size; k++) {
      if (size > MAX_LINES && k == HEAD) {
        int skipped = size - MAX_LINES;
        sb.append("  ... ").append(skipped).append(" more ...\n");
        k += skipped - 1;
        continue;
      }
      sb.append("  ").append(lines.get(k).stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Indents rendered journal lines by two spaces. The journal ends lines with the platform's
   * separator; failure messages use {@code \n} everywhere so they read the same on every OS.
   */
  private static String indent(String rendered) {
    return lines(rendered.lines().toList());
  }
}
