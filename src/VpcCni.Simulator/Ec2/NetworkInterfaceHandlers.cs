namespace VpcCni.Simulator.Ec2;

/// <summary>DeleteNetworkInterface and ModifyNetworkInterfaceAttribute (EC2 API Reference, DeleteNetworkInterface and ModifyNetworkInterfaceAttribute).</summary>
internal static class NetworkInterfaceHandlers
{
    public static void Delete(Ec2Call call)
    {
        var eni = call.Eni(call.Request.Require("NetworkInterfaceId"));
        if (eni.Attachment is not null)
        {
            throw Ec2Exception.Invalid($"Network interface '{eni.Id}' is currently in use.");
        }

        call.DryRunCheckpoint();
        call.World.DeleteNetworkInterface(eni);
        call.ReturnTrue();
    }

    public static void Modify(Ec2Call call)
    {
        var request = call.Request;
        var eni = call.Eni(request.Require("NetworkInterfaceId"));
        var hasAttachment = request.HasPrefix("Attachment");
        var hasGroups = request.HasPrefix("SecurityGroupId");
        var hasSourceDest = request.HasPrefix("SourceDestCheck");
        var hasDescription = request.HasPrefix("Description");
        var count = (hasAttachment ? 1 : 0) + (hasGroups ? 1 : 0) + (hasSourceDest ? 1 : 0) + (hasDescription ? 1 : 0);
        if (count != 1)
        {
            // "You can specify only one attribute at a time" (EC2 API Reference, ModifyNetworkInterfaceAttribute).
            throw new Ec2Exception("InvalidParameterCombination", count == 0
                ? "No attributes specified; specify exactly one attribute to modify."
                : "You can specify only one attribute at a time.");
        }

        if (hasAttachment)
        {
            var attachmentId = Ec2Ids.Attachment(request.Require("Attachment.AttachmentId"));
            var deleteOnTermination = request.GetBool("Attachment.DeleteOnTermination") ?? throw Ec2Exception.Missing("Attachment.DeleteOnTermination");
            if (eni.Attachment?.Id != attachmentId)
            {
                throw new Ec2Exception("InvalidAttachmentID.NotFound", $"The network interface attachment ID '{attachmentId}' does not exist");
            }

            call.DryRunCheckpoint();
            eni.Attachment.DeleteOnTermination = deleteOnTermination;
        }
        else if (hasGroups)
        {
            var groups = SecurityGroupIds.Parse(call, request.GetList("SecurityGroupId"));
            if (groups.Count == 0)
            {
                throw Ec2Exception.Missing("SecurityGroupId.1");
            }

            call.DryRunCheckpoint();
            eni.GroupIds.Clear();
            eni.GroupIds.AddRange(groups);
            call.World.PublishChange(eni);
        }
        else if (hasSourceDest)
        {
            var value = request.GetBool("SourceDestCheck.Value") ?? throw Ec2Exception.Missing("SourceDestCheck.Value");
            call.DryRunCheckpoint();
            eni.SourceDestCheck = value;
        }
        else
        {
            var value = request.Get("Description.Value") ?? string.Empty;
            call.DryRunCheckpoint();
            eni.Description = value;
        }

        call.ReturnTrue();
    }
}
