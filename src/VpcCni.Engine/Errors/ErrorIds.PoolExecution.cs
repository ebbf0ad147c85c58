namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Failures of carrying out the warm-pool planner's actions (create, assign, release, free).</summary>
    public static class PoolExecution
    {
        /// <summary>IMDS did not list a newly attached ENI in time; the ENI was freed again.</summary>
        public const string EniNotInMetadata = "PoolExecution.EniNotInMetadata";

        /// <summary>Setting up a new ENI's link and routing on the host failed; the ENI was freed again.</summary>
        public const string HostSetupFailed = "PoolExecution.HostSetupFailed";

        /// <summary>Every device index of the network card is taken, so no ENI can be attached.</summary>
        public const string NoFreeDeviceIndex = "PoolExecution.NoFreeDeviceIndex";

        /// <summary>The instance's own facts (instance id, primary ENI's subnet) could not be read from IMDS.</summary>
        public const string InstanceIdentityMissing = "PoolExecution.InstanceIdentityMissing";

        /// <summary>A detached ENI stayed in use and could not be deleted within the retries.</summary>
        public const string EniDeleteFailed = "PoolExecution.EniDeleteFailed";

        /// <summary>Subnet discovery found no subnet a new ENI may go to: the primary ENI's subnet is excluded and none is tagged for the CNI.</summary>
        public const string NoEligibleSubnet = "PoolExecution.NoEligibleSubnet";
    }
}
