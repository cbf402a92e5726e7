// Channels and schemas of the organisation feature.
export const organisationChannels = {};
