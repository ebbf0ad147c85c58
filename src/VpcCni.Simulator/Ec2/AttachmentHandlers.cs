namespace VpcCni.Simulator.Ec2;

/// <summary>AttachNetworkInterface and DetachNetworkInterface with EC2's checks, (EC2 API Reference, AttachNetworkInterface and DetachNetworkInterface).</summary>
internal static class AttachmentHandlers
{
    public static void Attach(Ec2Call call)
    {
        var request = call.Request;
        // Both ids are checked for shape before either is looked up.
        var eniId = Ec2Ids.Eni(request.Require("NetworkInterfaceId"));
        var instanceId = Ec2Ids.Instance(request.Require("InstanceId"));
        var eni = call.VisibleEni(eniId);
        var instance = call.Instance(instanceId);
        var deviceIndex = request.GetInt("DeviceIndex") ?? throw Ec2Exception.Missing("DeviceIndex");
        var cardIndex = request.GetInt("NetworkCardIndex") ?? 0;
        if (eni.Attachment is not null)
        {
            throw new Ec2Exception("InvalidNetworkInterface.InUse", $"Interface: [{eni.Id}] in use.");
        }

        if (cardIndex < 0 || cardIndex >= instance.MaximumNetworkCards)
        {
            throw Ec2Exception.Invalid($"Network card index {cardIndex} is invalid for instance type {instance.InstanceType}; it has {instance.MaximumNetworkCards} network card(s).");
        }

        if (deviceIndex is < 0 or > 99)
        {
            throw Ec2Exception.Invalid($"Value ({deviceIndex}) for parameter deviceIndex is invalid.");
        }

        var attached = InstanceHandlers.AttachedTo(call.World, instance).Select(e => e.Attachment!).ToList();
        if (attached.Exists(a => a.NetworkCardIndex == cardIndex && a.DeviceIndex == deviceIndex))
        {
            throw Ec2Exception.Invalid($"Instance '{instance.Id}' already has an interface attached at device index '{deviceIndex}'.");
        }

        // EC2 semantics: the card's own limit and the total over all cards (EC2 API Reference, NetworkInfo).
        var onCard = attached.Count(a => a.NetworkCardIndex == cardIndex);
        if (onCard >= instance.Limits.EniLimitOfCard(cardIndex) || attached.Count >= instance.MaximumNetworkInterfaces)
        {
            throw new Ec2Exception("AttachmentLimitExceeded", $"Interface count {attached.Count + 1} exceeds the limit for {instance.InstanceType}");
        }

        // efa and efa-only interfaces need an EFA-capable type and count against its EFA maximum
        // (EC2 User Guide, "Elastic Fabric Adapter"; EC2 API Reference, EfaInfo).
        if (eni.InterfaceType is "efa" or "efa-only")
        {
            var maximumEfa = EfaCatalog.For(call.World.Scenario, instance.InstanceType);
            if (maximumEfa == 0)
            {
                throw new Ec2Exception("UnsupportedOperation", $"The instance type {instance.InstanceType} does not support Elastic Fabric Adapters.");
            }

            var efaAttached = InstanceHandlers.AttachedTo(call.World, instance).Count(e => e.InterfaceType is "efa" or "efa-only");
            if (efaAttached >= maximumEfa)
            {
                throw new Ec2Exception("AttachmentLimitExceeded", $"EFA interface count {efaAttached + 1} exceeds the limit for {instance.InstanceType} ({maximumEfa}).");
            }
        }

        if (eni.Ipv4SlotCount > instance.Limits.Ipv4PerEni)
        {
            throw new Ec2Exception("InvalidInterface.IpAddressLimitExceeded", $"Interface {eni.Id} has {eni.Ipv4SlotCount} private addresses; {instance.InstanceType} allows {instance.Limits.Ipv4PerEni} per interface.");
        }

        if (eni.AvailabilityZone != instance.AvailabilityZone)
        {
            throw Ec2Exception.Invalid($"The network interface {eni.Id} and instance {instance.Id} are not in the same availability zone.");
        }

        call.DryRunCheckpoint();
        var attachment = call.World.Attach(eni, instance, deviceIndex, cardIndex, immediate: false);
        call.Xml.Element("attachmentId", attachment.Id);
        call.Xml.Element("networkCardIndex", attachment.NetworkCardIndex);
    }

    public static void Detach(Ec2Call call)
    {
        var attachmentId = Ec2Ids.Attachment(call.Request.Require("AttachmentId"));

        var eni = call.World.NetworkInterfaces.Values.FirstOrDefault(e => e.Attachment?.Id == attachmentId)
            ?? throw new Ec2Exception("InvalidAttachmentID.NotFound", $"The network interface attachment ID '{attachmentId}' does not exist");
        var attachment = eni.Attachment!;
        if (attachment.DeviceIndex == 0 && attachment.NetworkCardIndex == 0)
        {
            throw new Ec2Exception("OperationNotPermitted", "The network interface at device index 0 and networkCard index 0 cannot be detached.");
        }

        call.DryRunCheckpoint();
        if (attachment.Status != "detaching")
        {
            call.World.Detach(eni);
        }

        call.ReturnTrue();
    }
}
