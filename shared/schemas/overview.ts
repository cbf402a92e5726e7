// Channels and schemas of the overview feature.
export const overviewChannels = {};
