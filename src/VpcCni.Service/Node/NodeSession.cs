using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam.Execution;

namespace VpcCni.Service.Node;

/// <summary>What the pool loop needs from a finished initialisation.</summary>
/// <param name="Facts">The instance as initialisation found it.</param>
/// <param name="Executor">Carries out plans through the node's EC2 and IMDS clients.</param>
/// <param name="Ec2">The node's EC2 client, for reconciliation and the leaked-ENI cleanup.</param>
internal sealed record NodeSession(NodeFacts Facts, PoolActionExecutor Executor, IEc2Api Ec2);
