namespace VpcCni.Engine.Errors;

/// <summary>
/// The one catalogue of stable <see cref="VpcCniException.ErrorId"/> values. Scripts, runbooks and
/// tests match on them; the module turns them into the ErrorRecord's id, the service into gRPC
/// status details, the plugin into the CNI error's <c>details</c>.
/// </summary>
/// <remarks>
/// One naming scheme: <c>Area.Reason</c>, both PascalCase, where the area is the nested class that
/// declares the constant (<c>Ipam.UnknownPod</c>, <c>Capacity.UnknownInstanceType</c>). An id that
/// forwards a code from AWS keeps that code after the area (<c>Ec2.InvalidNetworkInterfaceID.NotFound</c>).
/// Each area lives in its own file, <c>ErrorIds.&lt;Area&gt;.cs</c>; code never writes an id as a
/// string literal. Ids are never renamed once released.
/// </remarks>
public static partial class ErrorIds
{
}
