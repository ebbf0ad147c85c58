namespace VpcCni.Bench;

/// <summary>What one burst took.</summary>
/// <param name="AllServed">From the first AddNetwork until the last pod had its address.</param>
/// <param name="AddNetworkCalls">AddNetwork calls the clients made, retries included.</param>
/// <param name="Ec2Calls">EC2 calls of the growing pool, by action (answered by the simulator when the burst ended).</param>
/// <param name="Ec2Errors">EC2 calls answered with an error, any action.</param>
internal sealed record BurstResult(TimeSpan AllServed, int AddNetworkCalls, IReadOnlyDictionary<string, int> Ec2Calls, int Ec2Errors)
{
    public int TotalEc2Calls => Ec2Calls.Values.Sum();
}
