package dev.cloudless.fakes.sqs.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checks every SQS batch gets before any entry runs. A failure fails the whole request, as on
 * AWS; entries that are wrong on their own fail later, one by one.
 */
final class BatchRules {

  static final int MAX_ENTRIES = 10;
  private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  private BatchRules() {}

  /**
   * @param entryType AWS's name for an entry, such as {@code SendMessageBatchRequestEntry}, for the
   *     empty-batch message
   */
  static <E> void check(List<E> entries, Function<E, String> id, String entryType) {
    if (entries == null || entries.isEmpty()) {
      throw SqsErrors.emptyBatchRequest(entryType);
    }
    if (entries.size() > MAX_ENTRIES) {
      throw SqsErrors.tooManyEntriesInBatchRequest(entries.size());
    }
    Set<String> seen = new HashSet<>();
    for (E entry : entries) {
      String entryId = id.apply(entry);
      if (entryId == null || !ENTRY_ID.matcher(entryId).matches()) {
        throw SqsErrors.invalidBatchEntryId();
      }
    }
    for (E entry : entries) {
      String entryId = id.apply(entry);
      if (!seen.add(entryId)) {
        throw SqsErrors.batchEntryIdsNotDistinct(entryId);
      }
    }
  }
}
