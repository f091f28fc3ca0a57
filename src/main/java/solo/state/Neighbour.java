package solo.state;

/**
 * An entity reached from another through links. {@code via} is the link that reached it, {@code depth}
 * how many links away it is (1 = directly linked), {@code outgoing} whether that link points to it.
 */
public record Neighbour(Entity entity, int depth, Link via, boolean outgoing) {}
