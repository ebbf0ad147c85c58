namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Reaching EC2 from a workstation (<c>Aws/Workstation/WorkstationEc2</c>): <c>Get-VpcCniEni -InstanceId</c>, <c>Find-</c>/<c>Remove-VpcCniLeakedEni</c>.</summary>
    public static class Workstation
    {
        /// <summary>The named AWS profile is in neither the shared credentials file nor the config file.</summary>
        public const string ProfileNotFound = "Workstation.ProfileNotFound";
    }
}
