using VpcCni.Simulator.Hosting;

namespace VpcCni.Service.Tests.Support;

/// <summary>
/// How many requests of each action that changes a node's pool the simulator has answered, and how
/// many requests of any action failed. Two values compare equal when every count matches.
/// </summary>
internal sealed record Ec2Calls(int Assign, int Unassign, int Create, int Attach, int Modify, int Detach, int Delete, int Failed)
{
    /// <summary>
    /// A clean run: <paramref name="assign"/> AssignPrivateIpAddresses, <paramref name="created"/> ENIs made
    /// (CreateNetworkInterface, AttachNetworkInterface, ModifyNetworkInterfaceAttribute each), <paramref name="unassign"/>
    /// UnassignPrivateIpAddresses, <paramref name="freed"/> ENIs freed (DetachNetworkInterface, DeleteNetworkInterface each), no error.
    /// </summary>
    public static Ec2Calls Of(int assign, int created = 0, int unassign = 0, int freed = 0) =>
        new(assign, unassign, created, created, created, freed, freed, 0);

    public static Ec2Calls From(SimulatorServer sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var log = sim.RequestLog.Snapshot();
        int Count(string action) => log.Count(r => r.Action == action);
        return new(
            Count("AssignPrivateIpAddresses"), Count("UnassignPrivateIpAddresses"), Count("CreateNetworkInterface"),
            Count("AttachNetworkInterface"), Count("ModifyNetworkInterfaceAttribute"), Count("DetachNetworkInterface"),
            Count("DeleteNetworkInterface"), log.Count(r => r.ErrorCode is not null));
    }
}
