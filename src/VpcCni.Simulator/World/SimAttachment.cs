namespace VpcCni.Simulator.World;

/// <summary>
/// The attachment of an ENI to an instance. Status runs <c>attaching → attached → detaching</c>;
/// once detached the attachment is removed from the ENI (EC2 API Reference, NetworkInterfaceAttachment).
/// </summary>
public sealed class SimAttachment
{
    internal SimAttachment(string id, string instanceId, int deviceIndex, int networkCardIndex, DateTimeOffset attachTime)
    {
        Id = id;
        InstanceId = instanceId;
        DeviceIndex = deviceIndex;
        NetworkCardIndex = networkCardIndex;
        AttachTime = attachTime;
    }

    public string Id { get; }

    public string InstanceId { get; }

    public int DeviceIndex { get; }

    public int NetworkCardIndex { get; }

    public DateTimeOffset AttachTime { get; }

    /// <summary><c>attaching</c>, <c>attached</c> or <c>detaching</c>.</summary>
    public string Status { get; internal set; } = "attaching";

    public bool DeleteOnTermination { get; internal set; }

    /// <summary>When the pending transition (attaching → attached, detaching → gone) completes.</summary>
    internal DateTimeOffset DueAt { get; set; }
}
