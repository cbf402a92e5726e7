// Channels and schemas of the safety feature.
export const safetyChannels = {};
