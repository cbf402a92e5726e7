// Channels and schemas of the meetings feature.
export const meetingsChannels = {};
