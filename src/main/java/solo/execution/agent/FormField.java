package solo.execution.agent;

import java.util.List;

/**
 * One field of the form the operator fills in when they are the provider, derived from the output contract.
 *
 * @param type the JSON type: string, number, integer, boolean, array, object
 * @param options the allowed values when the contract lists them ({@code enum}), else empty
 * @param itemType for arrays, the type of their items
 */
public record FormField(String name, String type, boolean required, String description, List<String> options,
                        Double minimum, Double maximum, String itemType) {}
