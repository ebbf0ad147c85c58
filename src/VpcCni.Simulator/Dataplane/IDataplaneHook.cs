namespace VpcCni.Simulator.Dataplane;

/// <summary>
/// Mirrors ENI attachments into a network namespace, so a node under test sees a link with the
/// ENI's MAC appear when EC2 reports the ENI attached, and disappear on detach.
/// </summary>
public interface IDataplaneHook
{
    void LinkAttached(string netns, string linkName, string macAddress);

    void LinkDetached(string netns, string linkName);
}
