using System.Net;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam.Planning;
using VpcCni.Engine.Tests.Ipam.Execution.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Ipam.Execution;

/// <summary>What the executor does when EC2 refuses addresses (upstream pkg/ipamd/ipamd.go, tryAssignIPs).</summary>
public sealed class AssignFallbackTests
{
    [Fact]
    public async Task PrivateIpAddressLimitExceededAddsWhatEc2AlreadyHoldsInsteadOfFailing()
    {
        await using var node = await SimulatedNode.StartAsync();
        var behindTheBack = await node.Ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(node.PrimaryEniId, 9), default);

        var outcome = await node.Executor.ExecuteAsync(new AssignAddressesAction(node.PrimaryEniId, 9, "test"), default);

        Assert.True(outcome.Succeeded);
        var expected = behindTheBack.Addresses.Select(a => new IPNetwork(a, 32).ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(expected, outcome.Added.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(expected, node.Datastore.Snapshot().Enis[0].Cidrs.Select(c => c.Network.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            [Ec2ErrorCodes.PrivateIpAddressLimitExceeded],
            node.Aws.Requests("AssignPrivateIpAddresses").Skip(1).Select(r => r.ErrorCode));
        Assert.Single(node.Aws.Requests("DescribeNetworkInterfaces"), r => r.ErrorCode is null);
    }

    [Fact]
    public async Task ARefusedRequestIsAskedAgainForOneAddress()
    {
        await using var node = await SimulatedNode.StartAsync();
        node.Aws.Sim.InjectFault(new FaultRule { Action = "AssignPrivateIpAddresses", ErrorCode = Ec2ErrorCodes.InsufficientFreeAddressesInSubnet, Count = 1 });

        var outcome = await node.Executor.ExecuteAsync(new AssignAddressesAction(node.PrimaryEniId, 5, "test"), default);

        Assert.True(outcome.Succeeded);
        Assert.Single(outcome.Added);
        Assert.Single(node.Datastore.Snapshot().Enis[0].Cidrs);
        Assert.Equal(2, node.Aws.Requests("AssignPrivateIpAddresses").Count);
    }

    [Fact]
    public async Task WhenTheSingleAddressIsRefusedTooTheActionFailsWithEc2sCode()
    {
        await using var node = await SimulatedNode.StartAsync();
        node.Aws.Sim.InjectFault(new FaultRule { Action = "AssignPrivateIpAddresses", ErrorCode = Ec2ErrorCodes.InsufficientFreeAddressesInSubnet, Count = 2 });

        var outcome = await node.Executor.ExecuteAsync(new AssignAddressesAction(node.PrimaryEniId, 3, "test"), default);

        Assert.Equal(Ec2ErrorCodes.InsufficientFreeAddressesInSubnet, outcome.AwsErrorCode);
        Assert.Empty(node.Datastore.Snapshot().Enis[0].Cidrs);
        Assert.Equal(2, node.Aws.Requests("AssignPrivateIpAddresses").Count);
    }
}
