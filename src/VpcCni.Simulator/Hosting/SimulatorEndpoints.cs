namespace VpcCni.Simulator.Hosting;

/// <summary>Where a started simulator listens (all on 127.0.0.1).</summary>
/// <param name="Ec2">The EC2 Query API, e.g. <c>http://127.0.0.1:41231/</c>.</param>
/// <param name="Imds">IMDS of the default (first) instance.</param>
/// <param name="ImdsByInstance">IMDS of every instance, by instance id.</param>
/// <param name="Control">The control routes, <c>…/_sim/</c> on the EC2 port.</param>
public sealed record SimulatorEndpoints(Uri Ec2, Uri Imds, IReadOnlyDictionary<string, Uri> ImdsByInstance, Uri Control);
