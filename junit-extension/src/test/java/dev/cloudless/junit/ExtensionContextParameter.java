package dev.cloudless.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives fixtures their {@link ExtensionContext}, so that one fixture class can hand an object to a
 * later one through the root store: how a test sees that a cloud was closed after its class.
 */
final class ExtensionContextParameter implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ExtensionContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context;
  }
}
