package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;

/**
 * Chooses serializers as the Lambda Java runtime does: the event serializers (with their mixins)
 * for {@code aws-lambda-java-events} types, Lambda's Jackson configuration for everything else.
 */
final class LambdaSerialization {

  private LambdaSerialization() {}

  @SuppressWarnings("unchecked")
  static PojoSerializer<Object> serializerFor(Type type, ClassLoader classLoader) {
    if (type instanceof Class<?> clazz
        && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(clazz, classLoader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }
}
