using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Ec2;

/// <summary>One EC2 action being served: its parameters, the world (lock held) and the response under construction.</summary>
internal sealed class Ec2Call(string action, Ec2QueryRequest request, SimWorld world, Ec2ResponseWriter xml)
{
    public string Action { get; } = action;

    public Ec2QueryRequest Request { get; } = request;

    public SimWorld World { get; } = world;

    public Ec2ResponseWriter Xml { get; } = xml;

    /// <summary>
    /// Called after validation and existence checks, before any change: with <c>DryRun=true</c> the call
    /// ends here with 412 DryRunOperation (permission was already checked; docs/simulator.md gives the order).
    /// </summary>
    public void DryRunCheckpoint()
    {
        if (Request.GetBool("DryRun") == true)
        {
            throw new Ec2Exception("DryRunOperation", Ec2ErrorCodes.DefaultMessage("DryRunOperation"));
        }
    }

    public SimNetworkInterface Eni(string id) =>
        World.NetworkInterfaces.TryGetValue(Ec2Ids.Eni(id), out var eni) ? eni : throw Ec2Exception.EniNotFound(id);

    /// <summary>An ENI the caller may already see: inside the eventual-consistency window a new ENI is NotFound.</summary>
    public SimNetworkInterface VisibleEni(string id) =>
        Eni(id) is { } eni && eni.VisibleAt <= World.Now ? eni : throw Ec2Exception.EniNotFound(id);

    public SimInstance Instance(string id) =>
        World.Instances.TryGetValue(Ec2Ids.Instance(id), out var instance) ? instance : throw Ec2Exception.InstanceNotFound(id);

    /// <summary>Writes <c>&lt;return&gt;true&lt;/return&gt;</c>, the body of actions without an output shape (EC2 API Reference, "Query API responses").</summary>
    public void ReturnTrue() => Xml.Element("return", true);
}
