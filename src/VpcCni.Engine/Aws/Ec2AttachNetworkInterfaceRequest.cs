namespace VpcCni.Engine.Aws;

/// <summary>An AttachNetworkInterface request (EC2 API reference, AttachNetworkInterface).</summary>
/// <param name="NetworkInterfaceId">The ENI to attach.</param>
/// <param name="InstanceId">The instance to attach it to.</param>
/// <param name="DeviceIndex">The device index on the card (upstream takes the lowest free one).</param>
/// <param name="NetworkCardIndex">The network card (0 on single-card types).</param>
public sealed record Ec2AttachNetworkInterfaceRequest(string NetworkInterfaceId, string InstanceId, int DeviceIndex, int NetworkCardIndex = 0);
